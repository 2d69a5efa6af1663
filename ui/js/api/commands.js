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

export const catalogues = () => invoke('catalogue_list');
/** Imports the workbook at `path`; resolves to { catalogue, already_imported, notes, version_change }. */
export const importCatalogue = (path) => invoke('catalogue_import', { path });
export const importDemoCatalogue = () => invoke('catalogue_import_demo');
/** The tree of catalogue `id` (or the current one): { catalogue, chapters, groups_5112 }. */
export const showCatalogue = (id) => invoke('catalogue_show', { id: id ?? null });
export const searchCatalogue = (id, query) => invoke('catalogue_search', { id, query });
export const pickCatalogueFile = () => invoke('catalogue_pick_file');
