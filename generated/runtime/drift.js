export function driftRecorder(write) {
  if (typeof write !== "function")
    throw new TypeError("tcgen driftRecorder: write must be a function");
  return (event) => {
    const title = `${event.service} ${event.version} ${event.requestId}`;
    write(`${JSON.stringify({ action: event.action, reply: event.reply, title })}\n`);
  };
}
