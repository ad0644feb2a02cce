package io.github.codeartifact.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a {@code codeartifact.*} property breaks its rule. It names the property, the value,
 * the rule and what to do; {@link InvalidCodeArtifactPropertyFailureAnalyzer} turns it into a
 * failure analysis.
 */
public class InvalidCodeArtifactPropertyException extends RuntimeException {

	private final String property;

	private final @Nullable Object value;

	private final String rule;

	private final String action;

	/**
	 * Creates a new exception.
	 * @param property the full name of the property, such as {@code codeartifact.owner}
	 * @param value the value, or {@code null} when the property is not set
	 * @param rule what the value must be
	 * @param action what to do about it
	 */
	public InvalidCodeArtifactPropertyException(String property, @Nullable Object value, String rule, String action) {
		super("Invalid value " + describe(value) + " for property '" + property + "': " + rule);
		this.property = property;
		this.value = value;
		this.rule = rule;
		this.action = action;
	}

	static InvalidCodeArtifactPropertyException missingDomain() {
		return new InvalidCodeArtifactPropertyException(CodeArtifactProperties.PREFIX + ".domain", null,
				"is required when " + CodeArtifactProperties.PREFIX + ".enabled is true (the default)",
				"Set " + CodeArtifactProperties.PREFIX + ".domain to the name of your CodeArtifact domain, or set "
						+ CodeArtifactProperties.PREFIX + ".enabled=false to turn the CodeArtifact token provider off.");
	}

	/**
	 * Checks that a duration property is positive.
	 * @param property the full name of the property
	 * @param value its value
	 * @throws InvalidCodeArtifactPropertyException when the value is missing, zero or negative
	 */
	static void requirePositive(String property, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidCodeArtifactPropertyException(property, value, "must be a positive duration",
					"Set " + property + " to a positive duration such as 10s, or remove it to use the default.");
		}
	}

	static String describe(@Nullable Object value) {
		return (value != null) ? "'" + value + "'" : "(none)";
	}

	/**
	 * Returns the full name of the property.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Returns the value that breaks the rule.
	 * @return the value, or {@code null} when the property is not set
	 */
	public @Nullable Object getValue() {
		return this.value;
	}

	/**
	 * Returns what the value must be.
	 * @return the rule
	 */
	public String getRule() {
		return this.rule;
	}

	/**
	 * Returns what to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
