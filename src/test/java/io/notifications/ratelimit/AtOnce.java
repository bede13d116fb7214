package io.notifications.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/** Requests sent at once, each on a thread of its own, released together. */
final class AtOnce {

	private AtOnce() {
	}

	/**
	 * Runs {@code request} with each index from 0 to {@code count}, and waits for all.
	 */
	static void run(int count, IntConsumer request) throws InterruptedException {
		CountDownLatch together = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			int each = index;
			Thread thread = new Thread(() -> {
				try {
					together.await();
					request.accept(each);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			thread.start();
			threads.add(thread);
		}
		together.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
	}

}
