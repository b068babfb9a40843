import { contextBridge, ipcRenderer } from 'electron';

/**
 * The one bridge the renderer gets: call a contract procedure by name with one
 * input object, receive a Result. No Node, no raw ipcRenderer, no events.
 */
contextBridge.exposeInMainWorld('keel', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('keel:invoke', String(name), input),
});
