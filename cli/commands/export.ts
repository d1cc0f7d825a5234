import type { CliCommand } from "@/cli/command"; const c: CliCommand = async () => 1; export default c;
