package io.github.codeartifact.autoconfigure;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Tells {@link CodeArtifactBackgroundPreinitializer} whether the application turned the starter off,
 * since Boot's preinitializer SPI sees no {@code Environment}. Boot runs environment post-processors
 * on {@code ApplicationEnvironmentPreparedEvent} before it starts the preinitializers on the same
 * event; ordered last, this one sees {@code application.properties}, profiles and every other
 * source. It changes nothing in the environment.
 * <p>
 * The rule is the one of the auto-configuration's {@code @ConditionalOnBooleanProperty}: the starter
 * is on when the property is missing or {@code true} in any case, and off for any other value.
 */
final class CodeArtifactWarmUpEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final String ENABLED = CodeArtifactProperties.PREFIX + ".enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String enabled = environment.getProperty(ENABLED);
		CodeArtifactBackgroundPreinitializer.recordStarterEnabled(enabled == null || "true".equalsIgnoreCase(enabled));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
