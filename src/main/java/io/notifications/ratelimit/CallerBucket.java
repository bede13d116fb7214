package io.notifications.ratelimit;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;

/**
 * One of a caller's buckets. A shared one is batched once stored, and stored by one
 * request alone: Bucket4j 8.14's batching answers a bucket not stored yet (a caller's
 * first requests, or after its row expired) "not found" to the whole batch and stores
 * nothing. The others wait here in memory: on the new row's lock, each held a pooled
 * connection.
 */
final class CallerBucket {

	private final Bucket batched;

	private final Bucket alone;

	private final Lock storing = new ReentrantLock();

	private volatile boolean stored;

	private CallerBucket(Bucket batched, Bucket alone, boolean stored) {
		this.batched = batched;
		this.alone = alone;
		this.stored = stored;
	}

	static CallerBucket inMemory(Bucket bucket) {
		return new CallerBucket(bucket, bucket, true);
	}

	static CallerBucket shared(Bucket batched, Bucket alone) {
		return new CallerBucket(batched, alone, false);
	}

	ConsumptionProbe consume() {
		while (true) {
			if (this.stored) {
				try {
					return this.batched.tryConsumeAndReturnRemaining(1);
				}
				catch (RuntimeException ex) {
					// the batch's others get it wrapped
					if (!(ex instanceof BucketNotFoundException || ex.getCause() instanceof BucketNotFoundException)) {
						throw ex;
					}
					this.stored = false;
				}
			}
			this.storing.lock();
			try {
				if (!this.stored) {
					ConsumptionProbe probe = this.alone.tryConsumeAndReturnRemaining(1);
					this.stored = true;
					return probe;
				}
			}
			finally {
				this.storing.unlock();
			}
		}
	}

	/** A request refused by another bucket does not count against this one. */
	void giveBack() {
		this.batched.addTokens(1);
	}

}
