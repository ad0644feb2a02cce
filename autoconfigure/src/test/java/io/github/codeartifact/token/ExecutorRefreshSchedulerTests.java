package io.github.codeartifact.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExecutorRefreshScheduler}, and the engine on it in real time.
 */
class ExecutorRefreshSchedulerTests {

	@Test
	void runsTasksOnOneNamedDaemonThreadAndLeavesNoThreadAfterClose() throws InterruptedException {
		ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
		AtomicReference<Thread> thread = new AtomicReference<>();
		CountDownLatch ran = new CountDownLatch(2);
		scheduler.schedule(() -> {
			thread.set(Thread.currentThread());
			ran.countDown();
		}, Duration.ZERO);
		scheduler.schedule(() -> {
			assertThat(Thread.currentThread()).isSameAs(thread.get());
			ran.countDown();
		}, Duration.ofMillis(10));
		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(thread.get().getName()).isEqualTo("codeartifact-token-refresh");
		assertThat(thread.get().isDaemon()).isTrue();
		scheduler.close();
		assertThat(thread.get().isAlive()).isFalse();
		scheduler.close();
	}

	@Test
	void aSecondCloseDoesNotWaitAgainForAStuckTask() throws InterruptedException {
		ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler(Duration.ofSeconds(30));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		scheduler.schedule(() -> {
			started.countDown();
			awaitIgnoringInterrupts(release, interrupted);
		}, Duration.ZERO);
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		Thread first = new Thread(scheduler::close);
		first.start();
		try {
			// The first close interrupted the task, which ignores it, and waits for it to end
			assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
			Thread second = new Thread(scheduler::close);
			second.start();
			second.join(TimeUnit.SECONDS.toMillis(5));
			assertThat(second.isAlive()).as("second close still waiting").isFalse();
			assertThat(first.isAlive()).as("first close still waiting").isTrue();
		}
		finally {
			release.countDown();
		}
		first.join(TimeUnit.SECONDS.toMillis(5));
		assertThat(first.isAlive()).isFalse();
	}

	private static void awaitIgnoringInterrupts(CountDownLatch latch, CountDownLatch interrupted) {
		while (true) {
			try {
				latch.await();
				return;
			}
			catch (InterruptedException ex) {
				// A stuck task, as a blocking read that does not answer the interrupt
				interrupted.countDown();
			}
		}
	}

	@Test
	void cancelledTaskDoesNotRun() throws InterruptedException {
		ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
		AtomicInteger runs = new AtomicInteger();
		scheduler.schedule(runs::incrementAndGet, Duration.ofMillis(200)).cancel();
		CountDownLatch later = new CountDownLatch(1);
		scheduler.schedule(later::countDown, Duration.ofMillis(300));
		assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(runs).hasValue(0);
		scheduler.close();
	}

	@Test
	void closeInterruptsARunningTask() throws InterruptedException {
		ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
		CountDownLatch started = new CountDownLatch(1);
		AtomicReference<Thread> thread = new AtomicReference<>();
		scheduler.schedule(() -> {
			thread.set(Thread.currentThread());
			started.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, Duration.ZERO);
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		scheduler.close();
		assertThat(thread.get().isAlive()).isFalse();
	}

	@Test
	void engineInRealTime() {
		AtomicInteger calls = new AtomicInteger();
		Clock clock = Clock.systemUTC();
		AuthorizationTokenFetcher fetcher = () -> {
			if (calls.incrementAndGet() <= 2) {
				throw ScriptedFetcher.retryable("InternalServerException");
			}
			Instant now = clock.instant();
			return new AuthorizationToken("secret-token-real", now.plus(Duration.ofHours(12)), now);
		};
		TokenRefreshSettings settings = new TokenRefreshSettings(Duration.ofMinutes(1), Duration.ofSeconds(10),
				Duration.ofMillis(20), Duration.ofMillis(100), 2, Duration.ofMinutes(5), Duration.ofSeconds(5));
		ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
		Thread refreshThread;
		try (RefreshingCodeArtifactTokenProvider provider = new RefreshingCodeArtifactTokenProvider("my-domain",
				fetcher, settings, clock, scheduler, TokenRefreshListener.NONE, new SplittableRandom(1))) {
			provider.start();
			assertThat(provider.awaitFirstToken().token()).isEqualTo("secret-token-real");
			assertThat(provider.getToken()).isEqualTo("secret-token-real");
			assertThat(calls).hasValue(3);
			refreshThread = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> thread.getName().equals(ExecutorRefreshScheduler.THREAD_NAME) && thread.isAlive())
				.findFirst()
				.orElseThrow();
		}
		assertThat(refreshThread.isAlive()).isFalse();
	}

	@Test
	void closeReleasesACallerWaitingOnARunningFetch() throws InterruptedException {
		CountDownLatch fetching = new CountDownLatch(1);
		AuthorizationTokenFetcher fetcher = () -> {
			fetching.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new CodeArtifactTokenException("aborted", null, "my-domain", true, null);
		};
		RefreshingCodeArtifactTokenProvider provider = new RefreshingCodeArtifactTokenProvider("my-domain", fetcher,
				TokenRefreshSettings.defaults(), Clock.systemUTC(), new ExecutorRefreshScheduler(),
				TokenRefreshListener.NONE, new SplittableRandom(1));
		Caller<String> caller = Caller.start(provider::getToken);
		assertThat(fetching.await(5, TimeUnit.SECONDS)).isTrue();
		caller.awaitWaiting();
		provider.close();
		assertThat(caller.failure()).isInstanceOf(CodeArtifactTokenException.class);
		await().atMost(Duration.ofSeconds(1))
			.until(() -> Thread.getAllStackTraces()
				.keySet()
				.stream()
				.noneMatch((thread) -> thread.getName().equals(ExecutorRefreshScheduler.THREAD_NAME)));
		assertThatExceptionOfType(CodeArtifactTokenException.class).isThrownBy(provider::getToken);
	}

}
