/** The host-identity tools, one Tool each: hostname, uname, id, whoami, date, uptime. */
export { hostnameTool, idTool, unameTool, whoamiTool } from './identity';
export { dateTool } from './date';
export { uptimeTool, uptimeLine } from './uptime';
