// The backend's commands, one function each (names as granted in src-tauri/capabilities).

import { invoke } from './ipc.js';

/** The message catalogue in the current language: { lang, messages }. */
export const messages = () => invoke('app_messages');

/** The open workspace ({ dir, info }) or why none is open ({ dir, error }). */
export const workspaceState = () => invoke('workspace_state');
export const openWorkspace = (path) => invoke('workspace_open', { path });
export const createWorkspace = (path) => invoke('workspace_create', { path });
/** Shows the native folder dialog; resolves to a path or null when cancelled. */
export const pickFolder = () => invoke('workspace_pick_folder');

export const getProfile = () => invoke('profile_get');
export const saveProfile = (profile) => invoke('profile_save', { profile });
