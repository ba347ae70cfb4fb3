/**
 * Address helpers shared by every network view: parsing and canonical
 * printing of IPv4/IPv6, the /proc hex forms, /etc/services names and
 * /etc/hosts reverse lookups.
 */
export * from './ip';
export * from './proc-hex';
export * from './services';
export * from './hosts';
export * from './tcp-states';
