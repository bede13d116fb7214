package io.notifications.ratelimit;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A shared bucket is stored by one request alone, before any is batched: at once, a
 * caller's first requests each waited on the new row's lock in the database, holding a
 * pooled connection (a fresh CI saw 9 waiting during one caller's flood).
 */
class CallerBucketTests {

	private final Bucket batched = mock(Bucket.class);

	private final Bucket alone = mock(Bucket.class);

	@Test
	void aCallersFirstRequestsAtOnceWaitInMemoryWhileOneStoresTheBucket() throws Exception {
		AtomicBoolean storing = new AtomicBoolean();
		AtomicInteger overlaps = new AtomicInteger();
		given(this.alone.tryConsumeAndReturnRemaining(anyLong())).willAnswer((invocation) -> {
			storing.set(true);
			Thread.sleep(50);
			storing.set(false);
			return ConsumptionProbe.consumed(59, 0);
		});
		given(this.batched.tryConsumeAndReturnRemaining(anyLong())).willAnswer((invocation) -> {
			if (storing.get()) {
				overlaps.incrementAndGet();
			}
			return ConsumptionProbe.consumed(58, 0);
		});
		CallerBucket bucket = CallerBucket.shared(this.batched, this.alone);

		AtomicInteger consumed = new AtomicInteger();
		AtOnce.run(8, (request) -> {
			if (bucket.consume().isConsumed()) {
				consumed.incrementAndGet();
			}
		});

		assertThat(consumed).hasValue(8);
		assertThat(overlaps).hasValue(0);
		verify(this.alone, times(1)).tryConsumeAndReturnRemaining(1);
		verify(this.batched, times(7)).tryConsumeAndReturnRemaining(1);
	}

	@Test
	void aBucketWhoseRowWasRemovedIsStoredAgainByOneRequestAlone() {
		given(this.alone.tryConsumeAndReturnRemaining(anyLong())).willReturn(ConsumptionProbe.consumed(59, 0));
		given(this.batched.tryConsumeAndReturnRemaining(anyLong()))
			.willThrow(new IllegalStateException(new BucketNotFoundException()))
			.willReturn(ConsumptionProbe.consumed(58, 0));
		CallerBucket bucket = CallerBucket.shared(this.batched, this.alone);

		for (int request = 0; request < 3; request++) {
			assertThat(bucket.consume().isConsumed()).isTrue();
		}

		verify(this.alone, times(2)).tryConsumeAndReturnRemaining(1);
		verify(this.batched, times(2)).tryConsumeAndReturnRemaining(1);
	}

}
