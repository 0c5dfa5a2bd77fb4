// Size probe (bench/size.mjs): the bridge alone (alloc, free, version), the baseline the other
// probes and modules are measured against. Never shipped.
