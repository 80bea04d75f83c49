/**
 * electron-builder.yml, checked offline: it passes electron-builder's own schema validation and
 * holds what the issue requires (targets, file association, fuses, installer languages, icons).
 * Building installers needs a download of Electron, which these machines cannot do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder's own YAML reader and validator (its dependencies, resolved from it).
const requireFromBuilder = createRequire(
  createRequire(import.meta.url).resolve('app-builder-lib/package.json'),
);
const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = requireFromBuilder('./out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = requireFromBuilder('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  extraMetadata: { main: string };
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string }[];
  linux: { target: string[]; icon: string };
  win: { target: string[] };
  mac: { target: string[] };
  nsis: { installerLanguages: string[] };
}
const config = yaml.load(
  readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8'),
) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds AppImage and deb, NSIS and dmg for Linjaus', () => {
    expect(config.productName).toBe('Linjaus');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('associates .linjaus files with the app and offers Finnish, Swedish and English installers', () => {
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['linjaus']);
    expect(config.nsis.installerLanguages).toEqual(['fi_FI', 'sv_SE', 'en_US']);
  });

  it('sets the release fuses of Electron’s security checklist', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('points at files that exist: the built entry’s source, the icons', () => {
    expect(config.extraMetadata.main).toBe('out/main/index.js');
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(existsSync(new URL(`../../build/icons/${size}x${size}.png`, import.meta.url))).toBe(
        true,
      );
    }
    expect(existsSync(new URL('../../build/icon.png', import.meta.url))).toBe(true);
  });
});
