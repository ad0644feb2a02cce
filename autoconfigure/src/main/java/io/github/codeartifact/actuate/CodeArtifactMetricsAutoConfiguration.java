package io.github.codeartifact.actuate;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.autoconfigure.CodeArtifactProperties;
import io.github.codeartifact.token.TokenStateSource;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Registers the {@code codeartifact.token.*} meters ({@link CodeArtifactTokenMetrics}) when Micrometer
 * is on the classpath, the application has a {@link MeterRegistry} and a {@link TokenStateSource} (the
 * starter's provider, or an application's own provider that shows its state). The meters are a
 * {@link io.micrometer.core.instrument.binder.MeterBinder} bean, which Boot binds to its registries,
 * and a {@link io.github.codeartifact.token.TokenRefreshListener} bean: the starter's provider is told of
 * it; an application's own provider reports each fetch to the {@code TokenRefreshListener} beans.
 */
@AutoConfiguration(after = CodeArtifactAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, TokenStateSource.class })
public final class CodeArtifactMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactTokenMetrics codeArtifactTokenMetrics(ObjectProvider<CodeArtifactProperties> properties,
			Environment environment) {
		return new CodeArtifactTokenMetrics(CodeArtifactTargets.domain(properties, environment));
	}

}
