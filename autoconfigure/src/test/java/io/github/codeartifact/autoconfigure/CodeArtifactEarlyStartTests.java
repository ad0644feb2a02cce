package io.github.codeartifact.autoconfigure;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.codeartifact.event.CodeArtifactTokenRefreshedEvent;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenRefreshListener;
import io.github.codeartifact.token.TokenStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first fetch starts when the provider bean is created, while the context still creates its
 * other beans; fail-fast still holds the context's start until the token is in, and the reports
 * to listeners and {@code @EventListener} methods come once the context starts.
 */
class CodeArtifactEarlyStartTests {

	/** A fetcher that the test lets through: it says when it is entered and waits to be released. */
	private final CountDownLatch entered = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	private final AtomicInteger calls = new AtomicInteger();

	private final AuthorizationTokenFetcher gated = () -> {
		this.calls.incrementAndGet();
		this.entered.countDown();
		try {
			this.released.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new AuthorizationToken("SECRET-early", Instant.now().plusSeconds(3600), Instant.now());
	};

	/** What the probes saw, in order. */
	private final List<String> seen = new CopyOnWriteArrayList<>();

	@Test
	void theFetchStartsWhenTheProviderIsCreatedAndFailFastHoldsTheStartUntilTheTokenIsIn() throws Exception {
		CompletableFuture<Void> run = CompletableFuture.runAsync(() -> new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withPropertyValues("codeartifact.domain=my-domain", "codeartifact.region=eu-west-1")
			.withBean(AuthorizationTokenFetcher.class, () -> this.gated)
			.withBean("fetchEntered", CountDownLatch.class, () -> this.entered)
			.withBean("seen", List.class, () -> this.seen)
			.withUserConfiguration(Probes.class)
			.run((context) -> assertThat(context).hasNotFailed()));
		// The later bean is created during the refresh and saw the fetch under way
		await().until(() -> this.seen.contains("later bean: fetch entered"));
		// Fail-fast: while the fetch is held, no lifecycle after the token's has started, no event is out
		assertThat(this.seen).containsExactly("later bean: fetch entered");
		assertThat(run).isNotDone();
		this.released.countDown();
		run.get(30, TimeUnit.SECONDS);
		// The event comes from the refresh thread once the token is in, as the later lifecycles start
		await().until(() -> this.seen.size() == 3);
		assertThat(this.seen.get(0)).isEqualTo("later bean: fetch entered");
		assertThat(this.seen.subList(1, 3)).containsExactlyInAnyOrder("refreshed event",
				"after-token lifecycle started: FRESH");
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void aTokenFetchedWhileTheBeansAreCreatedIsStillAnEventForTheEventListeners() {
		this.released.countDown();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withPropertyValues("codeartifact.domain=my-domain", "codeartifact.region=eu-west-1")
			.withBean(AuthorizationTokenFetcher.class, () -> this.gated)
			.withBean("seen", List.class, () -> this.seen)
			.withUserConfiguration(EventProbe.class)
			.withBean(TokenRefreshListener.class, () -> new TokenRefreshListener() {

				@Override
				public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
					// Told through the gate too: only once the context starts
					CodeArtifactEarlyStartTests.this.seen.add("listener told");
				}

			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.seen).containsExactly("token in", "listener told", "refreshed event");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class EventProbe {

		private final List<String> seen;

		@SuppressWarnings("unchecked")
		EventProbe(List<?> seen) {
			this.seen = (List<String>) seen;
		}

		/** Created after the provider: waits until the token is in, before @EventListener methods are registered. */
		@Bean
		Object afterTheToken(RefreshingCodeArtifactTokenProvider provider) {
			await().until(() -> provider.state().status() == TokenStatus.FRESH);
			this.seen.add("token in");
			return new Object();
		}

		@EventListener
		void refreshed(CodeArtifactTokenRefreshedEvent event) {
			this.seen.add("refreshed event");
		}

	}

	@Test
	void failFastStillFailsStartupOnAFailureBeforeTheContextStarts() {
		AuthorizationTokenFetcher denied = () -> {
			this.calls.incrementAndGet();
			throw new CodeArtifactTokenException("not authorized", "AccessDeniedException", "my-domain", false, null);
		};
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
			.withPropertyValues("codeartifact.domain=my-domain", "codeartifact.region=eu-west-1")
			.withBean(AuthorizationTokenFetcher.class, () -> denied)
			// Created after the provider: waits until its first fetch has failed, before the context starts
			.withBean("afterTheFailure", Object.class, () -> {
				await().until(() -> this.calls.get() > 0);
				return new Object();
			}, (definition) -> definition.setDependsOn("codeArtifactTokenProvider"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasCauseInstanceOf(CodeArtifactTokenStartupException.class)
					.rootCause()
					.isInstanceOf(CodeArtifactTokenException.class)
					.hasMessageContaining("not authorized");
				FailureAnalysis analysis = new CodeArtifactTokenFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("my-domain");
			});
		assertThat(this.calls).hasValue(1);
	}

	@Configuration(proxyBeanMethods = false)
	static class Probes {

		private final List<String> seen;

		@SuppressWarnings("unchecked")
		Probes(List<?> seen) {
			this.seen = (List<String>) seen;
		}

		/** Created after the provider, as it depends on it; waits on the main thread until the fetch is entered. */
		@Bean
		Object laterBean(RefreshingCodeArtifactTokenProvider provider, CountDownLatch fetchEntered)
				throws InterruptedException {
			if (fetchEntered.await(30, TimeUnit.SECONDS)) {
				this.seen.add("later bean: fetch entered");
			}
			return new Object();
		}

		@EventListener
		void refreshed(CodeArtifactTokenRefreshedEvent event) {
			this.seen.add("refreshed event");
		}

		@Bean
		SmartLifecycle afterTokenLifecycle(ObjectProvider<RefreshingCodeArtifactTokenProvider> provider) {
			return new SmartLifecycle() {

				private volatile boolean running;

				@Override
				public void start() {
					TokenStatus status = provider.getObject().state().status();
					Probes.this.seen.add("after-token lifecycle started: " + status);
					this.running = true;
				}

				@Override
				public void stop() {
					this.running = false;
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}

				@Override
				public int getPhase() {
					return CodeArtifactTokenLifecycle.PHASE + 1;
				}

			};
		}

	}

}
