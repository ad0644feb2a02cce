package io.github.codeartifact.autoconfigure;

import io.github.codeartifact.http.CodeArtifactHttpAutoConfiguration;
import io.github.codeartifact.token.CodeArtifactTokenProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@code codeartifact.enabled=false}: a {@link DisabledCodeArtifactTokenProvider}
 * that applications injecting a {@link CodeArtifactTokenProvider} can start with, without any AWS
 * client.
 * <p>
 * It runs after {@link CodeArtifactHttpAutoConfiguration}, so that the HTTP clients get no
 * interceptor that would throw on every request: a turned-off provider adds no header.
 */
@AutoConfiguration(after = CodeArtifactHttpAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = CodeArtifactProperties.PREFIX + ".enabled", havingValue = false)
@EnableConfigurationProperties(CodeArtifactProperties.class)
public final class CodeArtifactDisabledAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(CodeArtifactTokenProvider.class)
	DisabledCodeArtifactTokenProvider codeArtifactTokenProvider(CodeArtifactProperties properties) {
		String domain = properties.getDomain();
		return new DisabledCodeArtifactTokenProvider((domain != null) ? domain : "");
	}

}
