package io.github.codeartifact.buildtools;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.autoconfigure.CodeArtifactProperties;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints;
import io.github.codeartifact.token.CodeArtifactTokenProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link CodeArtifactBuildTools} when the application has a
 * {@link CodeArtifactTokenProvider} and the {@link CodeArtifactProperties}: sessions for the
 * repositories of {@code codeartifact.build-tools.repositories.*}, checked at startup, with
 * the stale margin of {@code codeartifact.refresh.stale-margin}.
 */
@AutoConfiguration(after = { CodeArtifactAutoConfiguration.class, CodeArtifactRepositoryAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = CodeArtifactProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean({ CodeArtifactTokenProvider.class, CodeArtifactProperties.class })
@EnableConfigurationProperties(CodeArtifactBuildToolsProperties.class)
public final class CodeArtifactBuildToolsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CodeArtifactBuildTools codeArtifactBuildTools(CodeArtifactTokenProvider tokenProvider,
			ObjectProvider<CodeArtifactRepositoryEndpoints> endpoints, CodeArtifactProperties properties,
			CodeArtifactBuildToolsProperties buildToolsProperties) {
		return new CodeArtifactBuildTools(tokenProvider, endpoints.getIfAvailable(),
				BuildToolRepositories.of(buildToolsProperties.getRepositories()),
				properties.getRefresh().getStaleMargin(), properties.requireDomain(), Clock.systemUTC());
	}

	/**
	 * The login files of {@code codeartifact.build-tools.login-files.enabled}: a
	 * {@link io.github.codeartifact.token.TokenRefreshListener}, so the starter's provider tells it
	 * of each new token; the build tools and the provider are looked up only when needed, since the
	 * provider is built with its listeners.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(CodeArtifactBuildToolsProperties.PREFIX + ".login-files.enabled")
	static class LoginFilesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BuildToolLoginFiles codeArtifactBuildToolLoginFiles(CodeArtifactBuildToolsProperties properties,
				ObjectProvider<CodeArtifactBuildTools> buildTools, ObjectProvider<CodeArtifactTokenProvider> tokenProvider) {
			List<BuildToolRepository> repositories = BuildToolRepositories.of(properties.getRepositories());
			CodeArtifactBuildToolsProperties.LoginFiles loginFiles = properties.getLoginFiles();
			return new BuildToolLoginFiles(repositories,
					LoginFilePaths.of(loginFiles, repositories, Path.of(System.getProperty("user.home")),
							System.getenv("XDG_CONFIG_HOME")),
					loginFiles.getPipIndex(), loginFiles.isRemoveOnShutdown(),
					() -> buildTools.getObject().resolvedRepositories(),
					() -> tokenProvider.getObject().getAuthorizationToken(), Clock.systemUTC());
		}

	}

}
