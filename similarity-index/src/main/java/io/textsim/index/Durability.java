package io.textsim.index;

/**
 * When an acknowledged write is safe. Both keep RocksDB's write-ahead log on: a write returns only
 * after its batch is in the log, so it survives the death of the process ({@code kill -9}) either
 * way; they differ on the death of the machine.
 */
public enum Durability {
  /**
   * Every write batch is fsynced to the log before it is acknowledged: it survives a power loss or
   * an operating system crash too. The default; costs one fsync per batch, so add in batches.
   */
  SYNC,
  /**
   * A write batch is acknowledged once it is written to the log in the operating system's page
   * cache: it survives the process being killed, not the machine failing.
   */
  PROCESS_CRASH
}
