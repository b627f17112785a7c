/** The permissions capability's public entry: what the rest of warroom may use of it. */
export { Permissions } from './permissions.ts';
