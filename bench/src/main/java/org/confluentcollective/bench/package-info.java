/**
 * Benchmarks, one main class each, run with bench/run NAME (docs/benchmarks.md).
 */
package org.confluentcollective.bench;
