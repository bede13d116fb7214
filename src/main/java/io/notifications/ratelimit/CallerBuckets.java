package io.notifications.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;

/**
 * A caller's two buckets. Shared ones are batched, each also unbatched: Bucket4j 8.14's
 * batching answers a bucket not stored yet (a caller's first requests, or after its row
 * expired) "not found" to the whole batch and stores nothing; alone, a request stores it.
 */
record CallerBuckets(Bucket requests, Bucket writes, Bucket requestsAlone, Bucket writesAlone) {

	static CallerBuckets of(Bucket requests, Bucket writes) {
		return new CallerBuckets(requests, writes, requests, writes);
	}

	ConsumptionProbe consumeRequest() {
		return consume(this.requests, this.requestsAlone);
	}

	ConsumptionProbe consumeWrite() {
		return consume(this.writes, this.writesAlone);
	}

	private static ConsumptionProbe consume(Bucket batched, Bucket alone) {
		try {
			return batched.tryConsumeAndReturnRemaining(1);
		}
		catch (RuntimeException ex) {
			// the batch's others get it wrapped
			if (ex instanceof BucketNotFoundException || ex.getCause() instanceof BucketNotFoundException) {
				return alone.tryConsumeAndReturnRemaining(1);
			}
			throw ex;
		}
	}

}
