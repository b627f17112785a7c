/** The permissions capability's public entry: what the rest of warroom may use of it. */
export type { Denial, PermissionScope } from './denial.ts';
export { Permissions, type UserGroupDirectory } from './permissions.ts';
