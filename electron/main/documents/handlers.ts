/** IPC handlers for document storage and the recent-documents index. */
import type { Handler } from '../ipc/types';

export const documentHandlers = {
  documentOpen: (async ({ windowId, services }, [{ documentId, state }]) => {
    const result = await services.sessions.attach(documentId, state, windowId);
    services.windows.setDocument(windowId, documentId);
    return {
      update: result.update,
      fileName: result.file === null ? null : (result.file.split(/[\\/]/).pop() ?? null),
    };
  }) satisfies Handler<'documentOpen'>,
  documentAppend: (async ({ windowId, services }, [{ documentId, update }]) => {
    await services.sessions.append(documentId, update, windowId);
  }) satisfies Handler<'documentAppend'>,
  documentFlush: (async ({ windowId, services }, [documentId]) => {
    await services.sessions.flush(documentId, windowId);
  }) satisfies Handler<'documentFlush'>,
  documentClose: (async ({ windowId, services }, [documentId]) => {
    await services.sessions.detach(documentId, windowId);
    services.windows.setDocument(windowId, null);
  }) satisfies Handler<'documentClose'>,
  documentExists: (async ({ services }, [documentId]) =>
    services.sessions.exists(documentId)) satisfies Handler<'documentExists'>,
  documentRemove: (async ({ services }, [documentId]) => {
    await services.sessions.remove(documentId);
  }) satisfies Handler<'documentRemove'>,
  recentList: (async ({ services }) =>
    services.recent.list().map(({ id, title, templateId, updatedAt }) => ({
      id,
      title,
      templateId,
      updatedAt,
    }))) satisfies Handler<'recentList'>,
  recentTouch: (async ({ services }, [entry]) => {
    await services.recent.touch(entry);
  }) satisfies Handler<'recentTouch'>,
  recentRemove: (async ({ services }, [documentId]) => {
    await services.recent.remove(documentId);
  }) satisfies Handler<'recentRemove'>,
};
