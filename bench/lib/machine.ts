import { readFileSync } from 'node:fs';
import { availableParallelism, freemem, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryTotalGiB: number;
  memoryFreeGiB: number;
  /** 1-, 5- and 15-minute load averages; above the CPU count, other processes competed for the cores. */
  loadAverage: number[];
  node: string;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return match?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): MachineInfo {
  const gib = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;
  return {
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    memoryTotalGiB: gib(totalmem()),
    memoryFreeGiB: gib(freemem()),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    node: process.version,
  };
}
