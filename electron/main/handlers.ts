// The IPC handler table: each contract channel mapped to the service that answers it.
import { CodedError } from './codedError';
import { openExternalUrl } from './externalLinks';
import type { FileService } from './fileDialogs';
import { noIdentityService, type IdentityService } from './identity/identityService';
import type { Handlers } from './ipc';
import type { OpenedFiles } from './openedFiles';
import type { LanSignalingService } from './signaling/lanSignalingService';
import { createSignalingHandlers, type SignalingTls } from './signaling/signalingHandlers';
import type { WorkshopStore } from './storage/workshopStore';
import type { VaultStore } from './vault/vaultStore';

export interface HandlerServices {
  readonly store: WorkshopStore;
  /** This device's per-workshop secrets; optional so tests of other channels need none. */
  readonly vault?: VaultStore;
  readonly files: FileService;
  readonly openExternal: (url: string) => Promise<void>;
  /** The device's signing key (identity/); optional so tests of other channels need none. */
  readonly identity?: IdentityService;
  /** The facilitator's LAN signaling server; without it those channels answer 'unavailable'. */
  readonly signaling?: LanSignalingService;
  /** The room port's certificate choice and the certificates joined rooms are trusted by. */
  readonly signalingTls?: SignalingTls;
  /** Workshop files the OS opened with the app; without it none ever waits. */
  readonly openedFiles?: OpenedFiles;
  /** How long 'files:waitOpened' holds a request before answering false. */
  readonly openedFilesWaitMs?: number;
}

/** Long enough that waiting costs nothing, short enough that a page gone away holds nothing for long. */
export const OPENED_FILES_WAIT_MS = 25_000;

const noVault = (): never => {
  throw new CodedError('unavailable', 'This device keeps no workshop settings here.');
};

export function createHandlers({ store, vault, files, openExternal, identity = noIdentityService, signaling, signalingTls, openedFiles, openedFilesWaitMs = OPENED_FILES_WAIT_MS }: HandlerServices): Handlers {
  return {
    ...createSignalingHandlers(signaling, signalingTls),
    'storage:list': () => store.list(),
    'storage:create': async ({ summary, state }) => {
      await store.create(summary, state);
      return null;
    },
    'storage:load': ({ id }) => store.load(id),
    'storage:append': async ({ id, update }) => {
      await store.append(id, update);
      return null;
    },
    'storage:setSummary': async ({ summary }) => {
      await store.setSummary(summary);
      return null;
    },
    'storage:close': async ({ id }) => {
      await store.close(id);
      return null;
    },
    'storage:remove': async ({ id }) => {
      await store.remove(id);
      await vault?.remove(id);
      return null;
    },
    'storage:recover': ({ id }) => store.salvage(id),
    'storage:history': ({ id }) => store.history(id),
    'vault:read': ({ id }) => (vault ? vault.read(id) : noVault()),
    'vault:write': async ({ id, key, value }) => {
      if (!vault) return noVault();
      await vault.write(id, key, value);
      return null;
    },
    'files:save': ({ suggestedName, bytes }) => files.save(suggestedName, bytes),
    'files:open': ({ kind }) => files.open(kind),
    'files:takeOpened': async () => (openedFiles ? openedFiles.take() : null),
    'files:waitOpened': async () => {
      if (!openedFiles) throw new CodedError('unavailable', 'This app opens no files from the system.');
      return openedFiles.wait(openedFilesWaitMs);
    },
    'shell:openExternal': async ({ url }) => {
      if (!(await openExternalUrl(url, openExternal))) throw new CodedError('forbidden', 'Only http and https links can be opened.');
      return null;
    },
    'identity:get': () => identity.get(),
    'identity:signCharter': ({ input }) => identity.signCharter(input),
    'identity:signSeal': ({ input }) => identity.signSeal(input),
    'identity:signFacilitatorAction': ({ input }) => identity.signFacilitatorAction(input),
    'identity:signBallot': ({ input }) => identity.signBallot(input),
    'identity:replace': () => identity.replace(),
  };
}
