/**
 * Which assets are genuine: the registry of known token contracts per chain (bundled, each an
 * on-chain fact anyone can check against a node), and the classifier that tells a genuine asset
 * from a token imitating one (Unicode look-alike symbols, a real symbol on an unknown contract).
 */
package dev.tracer.assets;
