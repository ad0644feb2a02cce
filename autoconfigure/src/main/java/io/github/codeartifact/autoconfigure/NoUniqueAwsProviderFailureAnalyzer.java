package io.github.codeartifact.autoconfigure;

import software.amazon.awssdk.regions.providers.AwsRegionProvider;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link NoUniqueAwsProviderException}: which provider type, which beans, and how to
 * choose: {@code @Primary}, as for any bean Spring Boot injects, or a way around the lookup.
 */
class NoUniqueAwsProviderFailureAnalyzer extends AbstractFailureAnalyzer<NoUniqueAwsProviderException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoUniqueAwsProviderException cause) {
		String type = cause.getType().getSimpleName();
		String description = "The CodeArtifact client needs one " + type + " bean, but found "
				+ cause.getBeanNames().size() + ": " + String.join(", ", cause.getBeanNames());
		String bypass = (cause.getType() == AwsRegionProvider.class)
				? "set " + CodeArtifactProperties.PREFIX + ".region to the region of the domain"
				: "define the application's own CodeartifactClient bean with the credentials it needs";
		String action = "Mark the one for CodeArtifact @Primary, or " + bypass + ".";
		return new FailureAnalysis(description, action, cause);
	}

}
