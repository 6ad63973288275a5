import { afterEach, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { LATER_CHUNKS_ID, preloadLaterChunks } from '../../src/later-chunks';

function listChunks(text: string) {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = LATER_CHUNKS_ID;
  block.textContent = text;
  document.head.appendChild(block);
}

const links = () =>
  Array.from(document.head.querySelectorAll('link'), (l) => ({ rel: l.rel, as: l.getAttribute('as'), href: l.getAttribute('href'), crossorigin: l.getAttribute('crossorigin') }));

afterEach(() => {
  document.head.innerHTML = '';
});

describe('preloadLaterChunks (index.html asks for the later chunks once the token request has left)', () => {
  it('adds a CORS-mode modulepreload link per listed script and a style preload per listed style sheet', () => {
    listChunks(JSON.stringify({ scripts: ['/assets/analysis.js', '/assets/react.js'], styles: ['/assets/analysis.css'] }));
    preloadLaterChunks();
    expect(links()).toEqual([
      { rel: 'modulepreload', as: 'script', href: '/assets/analysis.js', crossorigin: '' },
      { rel: 'modulepreload', as: 'script', href: '/assets/react.js', crossorigin: '' },
      { rel: 'preload', as: 'style', href: '/assets/analysis.css', crossorigin: '' },
    ]);
  });

  it('links each chunk once, also when called again or when a link to it exists already', () => {
    const existing = document.createElement('link');
    existing.rel = 'modulepreload';
    existing.href = '/assets/react.js';
    document.head.appendChild(existing);
    listChunks(JSON.stringify({ scripts: ['/assets/analysis.js', '/assets/react.js'], styles: [] }));
    preloadLaterChunks();
    preloadLaterChunks();
    expect(links().map((l) => l.href)).toEqual(['/assets/react.js', '/assets/analysis.js']);
  });

  it('adds nothing without the list (the dev server) or with a list that is not JSON', () => {
    preloadLaterChunks();
    expect(links()).toEqual([]);
    listChunks('{not json');
    preloadLaterChunks();
    expect(links()).toEqual([]);
  });
});

describe("the production build's silent stand-in for fhirclient's logger (stubs/debug)", () => {
  it('has the shape fhirclient calls (a logger per namespace, .extend, .enabled) and writes nothing', () => {
    const createDebug = createRequire(import.meta.url)('../../stubs/debug/index.cjs') as (namespace: string) => {
      (...args: unknown[]): void;
      enabled: boolean;
      extend: (namespace: string) => { (...args: unknown[]): void; enabled: boolean };
    };
    const written: unknown[] = [];
    const original = { log: console.log, debug: console.debug, error: console.error, warn: console.warn };
    console.log = console.debug = console.error = console.warn = (...args: unknown[]) => written.push(args);
    try {
      const logger = createDebug('FHIR');
      const child = logger.extend('oauth2');
      logger('key: %s', 'state');
      child('Removed code parameter from the url.');
      expect([logger.enabled, child.enabled]).toEqual([false, false]);
    } finally {
      Object.assign(console, original);
    }
    expect(written).toEqual([]);
  });
});
