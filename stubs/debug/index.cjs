// The production build's stand-in for the `debug` package, which fhirclient logs through (vite.config.ts).
// Silent: the app writes nothing to the console (messages may quote record content), and the real package reads
// localStorage and picks colours as it loads, on the launch page and again on index.html before the token request.
// The shape fhirclient uses: createDebug(namespace) -> a logger with .enabled and .extend(namespace).
function createDebug() {
  const logger = function () {};
  logger.enabled = false;
  logger.extend = createDebug;
  return logger;
}
createDebug.enable = function () {};
createDebug.disable = function () {
  return '';
};
createDebug.enabled = function () {
  return false;
};
module.exports = createDebug;
