// Sizes in upload messages: megabytes with one decimal, rounded up so a file just over the
// limit never reads as equal to it. Pure; shared by the report and scan forms and their servers.

const megabyte = 1024 * 1024;

export const megabytes = (bytes: number) => Math.ceil((bytes / megabyte) * 10) / 10;
