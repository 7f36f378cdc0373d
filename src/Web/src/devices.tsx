/** The options for one kind of device in a select: each by its label, or numbered when the browser names none. */
export function DeviceOptions({ devices, kind, name }: { devices: MediaDeviceInfo[]; kind: MediaDeviceKind; name: string }) {
  return <>{devices.filter((d) => d.kind === kind && d.deviceId).map((d, i) => <option key={d.deviceId} value={d.deviceId}>{d.label || `${name} ${i + 1}`}</option>)}</>;
}

/** Whether the browser lists a device of that kind with that id. */
export const listed = (devices: MediaDeviceInfo[], kind: MediaDeviceKind, id: string): boolean =>
  devices.some((d) => d.kind === kind && d.deviceId === id);
