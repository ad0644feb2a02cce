package io.github.codeartifact.benchmarks.startup.starter;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.codeartifact.autoconfigure.CodeArtifactTokenLifecycle;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.TokenRefreshListener;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the starter's startup time goes, printed as {@code TRACE name=ms ...} before READY: the
 * creation of the CodeArtifact client bean, of the provider (when the first fetch starts), the
 * first fetch on the refresh thread, and how long
 * the main thread waited in the token lifecycle's start. Diagnostics of the benchmark only.
 */
@Configuration(proxyBeanMethods = false)
class StartupTrace {

	static final Map<String, Long> marks = new ConcurrentHashMap<>();

	static long sinceJvmStart() {
		return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
	}

	static String line() {
		long clientMillis = marks.getOrDefault("clientEnd", -1L) - marks.getOrDefault("clientStart", 0L);
		long awaitMillis = marks.getOrDefault("lifecycleEnd", -1L) - marks.getOrDefault("lifecycleStart", 0L);
		return "TRACE clientCreatedAt=" + marks.getOrDefault("clientEnd", -1L) + " client=" + clientMillis
				+ " providerCreatedAt=" + marks.getOrDefault("providerCreated", -1L) + " fetch="
				+ marks.getOrDefault("fetch", -1L) + " lifecycleStartAt="
				+ marks.getOrDefault("lifecycleStart", -1L) + " await=" + awaitMillis + " classes="
				+ ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
	}

	@Bean
	static BeanPostProcessor startupTraceBeanPostProcessor() {
		return new InstantiationAwareBeanPostProcessor() {

			@Override
			public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
				if ("codeArtifactClient".equals(beanName)) {
					marks.put("clientStart", sinceJvmStart());
				}
				return null;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if ("codeArtifactClient".equals(beanName)) {
					marks.put("clientEnd", sinceJvmStart());
				}
				if ("codeArtifactTokenProvider".equals(beanName)) {
					marks.put("providerCreated", sinceJvmStart());
				}
				return bean;
			}

		};
	}

	@Bean
	TokenRefreshListener startupTraceListener() {
		return new TokenRefreshListener() {

			@Override
			public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
				marks.putIfAbsent("fetch", TimeUnit.NANOSECONDS.toMillis(elapsedNanos));
			}

		};
	}

	@Bean
	SmartLifecycle startupTraceBefore() {
		return new Mark("lifecycleStart", CodeArtifactTokenLifecycle.PHASE - 1);
	}

	@Bean
	SmartLifecycle startupTraceAfter() {
		return new Mark("lifecycleEnd", CodeArtifactTokenLifecycle.PHASE + 1);
	}

	private static final class Mark implements SmartLifecycle {

		private final String name;

		private final int phase;

		private volatile boolean running;

		Mark(String name, int phase) {
			this.name = name;
			this.phase = phase;
		}

		@Override
		public void start() {
			marks.put(this.name, sinceJvmStart());
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
			return this.phase;
		}

	}

}
