package io.github.codeartifact.buildtools;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the build tools' meters ({@link CodeArtifactBuildToolsMetrics}) when Micrometer is on
 * the classpath and the application has {@link CodeArtifactBuildTools}: a {@link MeterBinder},
 * which Spring Boot binds to each meter registry.
 */
@AutoConfiguration(after = CodeArtifactBuildToolsAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(CodeArtifactBuildTools.class)
public final class CodeArtifactBuildToolsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactBuildToolsMetrics codeArtifactBuildToolsMetrics(CodeArtifactBuildTools buildTools,
			ObjectProvider<BuildToolLoginFiles> loginFiles) {
		return new CodeArtifactBuildToolsMetrics(buildTools, loginFiles.getIfAvailable());
	}

}
