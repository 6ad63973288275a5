// oidc-provider 9 ships no type declarations; this covers only what the sandbox's authorization server uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface OidcContext {
    route?: string;
    params?: Record<string, unknown>;
    result?: { consent?: { grantId?: string } };
    session?: { accountId?: string };
    entities?: { Grant?: { jti?: string } };
  }

  export interface KoaContextWithOIDC {
    oidc: OidcContext;
    status: number;
    body: unknown;
    path: string;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, string | undefined>;
    session?: { accountId?: string };
  }

  export interface GrantInstance {
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface AccessTokenLike {
    grantId?: string;
    accountId?: string;
    scope?: string;
  }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): void;
    Grant: {
      new (properties: { accountId: string; clientId: string }): GrantInstance;
      find(id: string): Promise<GrantInstance | undefined>;
    };
  }

  export const errors: {
    InvalidRequest: new (description?: string) => Error;
    InvalidTarget: new (description?: string) => Error;
    AccessDenied: new (description?: string) => Error;
  };

  export default Provider;
}

declare module 'oidc-provider/lib/adapters/memory_adapter.js' {
  /** oidc-provider's own in-memory storage, as a factory (passing it explicitly avoids its start-up warning). */
  export function createMemoryAdapter(clockTolerance: number): unknown;
}
