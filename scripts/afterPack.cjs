// electron-builder afterPack hook: flips the Electron fuses that harden the packaged binary,
// before it is signed. See https://www.electronjs.org/docs/latest/tutorial/fuses
//  - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node interpreter.
//  - NODE_OPTIONS off, --inspect off: no code injection or debugger through the environment/CLI.
//  - Asar integrity on, only-load-from-asar on: the app code cannot be swapped next to the asar
//    (integrity is checked on macOS and Windows; Linux has no support for it yet).
//  - Cookie encryption on: cookies at rest are encrypted with the OS keystore.
/* global require, exports, console */
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require(), so this file is CommonJS */
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

function executablePath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

exports.default = async function afterPack(context) {
  const target = executablePath(context);
  await flipFuses(target, {
    version: FuseVersion.V1,
    // Ad-hoc signatures break when the binary changes; electron-builder signs properly afterwards.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
  console.log(`  • fuses flipped on ${path.basename(target)}`);
};
