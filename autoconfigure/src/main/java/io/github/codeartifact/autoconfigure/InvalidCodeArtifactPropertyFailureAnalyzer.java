package io.github.codeartifact.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Explains an {@link InvalidCodeArtifactPropertyException}: the property, its value and where it was
 * set, the rule it breaks and what to do.
 */
class InvalidCodeArtifactPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCodeArtifactPropertyException> {

	private final @Nullable Environment environment;

	InvalidCodeArtifactPropertyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCodeArtifactPropertyException cause) {
		StringBuilder description = new StringBuilder();
		description.append("The CodeArtifact token provider could not start: property '")
			.append(cause.getProperty())
			.append("' is ")
			.append((cause.getValue() != null) ? "invalid" : "not set")
			.append(".\n\n");
		ConfigurationProperty property = EnvironmentProperties.find(this.environment, cause.getProperty());
		Object value = (cause.getValue() != null && property != null) ? property.getValue() : cause.getValue();
		description.append("    Property: ").append(cause.getProperty()).append('\n');
		description.append("    Value: ").append(InvalidCodeArtifactPropertyException.describe(value)).append('\n');
		Origin origin = (property != null) ? property.getOrigin() : null;
		if (origin != null) {
			description.append("    Origin: ").append(origin).append('\n');
		}
		description.append("    Rule: ").append(cause.getProperty()).append(' ').append(cause.getRule());
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

}
