// Compiles contracts/*.sol offline with solc-js (the npm package "solc", pinned in package.json)
// and writes contracts/NAME.json (abi, bytecode, compiler version). With --check it writes
// nothing and fails when a committed NAME.json differs from what the source compiles to.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const dir = path.join(__dirname, 'contracts');
const check = process.argv.includes('--check');
const sources = {};
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[f] = { content: fs.readFileSync(path.join(dir, f), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length) {
  errors.forEach((e) => console.error(e.formattedMessage));
  process.exit(1);
}
let stale = 0;
for (const file of Object.keys(output.contracts).sort()) {
  for (const name of Object.keys(output.contracts[file]).sort()) {
    if (name === 'IERC20') continue;
    const c = output.contracts[file][name];
    const json = JSON.stringify({
      contract: name,
      source: file,
      compiler: 'solc-js ' + solc.version(),
      settings: input.settings.optimizer,
      evmVersion: input.settings.evmVersion,
      abi: c.abi,
      bytecode: '0x' + c.evm.bytecode.object,
    }, null, 1) + '\n';
    const out = path.join(dir, name + '.json');
    if (check) {
      const committed = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
      if (committed !== json) {
        console.error(out + ': does not match ' + file + ' compiled by solc-js ' + solc.version() + ' (run: node compile.js)');
        stale++;
      }
    } else {
      fs.writeFileSync(out, json);
    }
  }
}
if (stale) process.exit(1);
console.log((check ? 'checked ' : 'compiled ') + Object.keys(sources).length + ' contract sources');
