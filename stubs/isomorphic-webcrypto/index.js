// Browsers and Node >= 20 provide Web Crypto on globalThis; fhirclient needs nothing more.
module.exports = globalThis.crypto;
module.exports.default = globalThis.crypto;
