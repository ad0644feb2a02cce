package io.github.codeartifact.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.Environment;

/**
 * Explains a {@code codeartifact.*} value that the binder could not convert (a duration, a URI,
 * an enum, a number, a boolean) with the starter's own analysis: the property, the
 * value and where it was set, the rule and an example that works. It runs before Boot's binding
 * analyzer, and leaves every other binding failure to it.
 */
class CodeArtifactBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	private final InvalidCodeArtifactPropertyFailureAnalyzer properties;

	CodeArtifactBindFailureAnalyzer(@Nullable Environment environment) {
		this.properties = new InvalidCodeArtifactPropertyFailureAnalyzer(environment);
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		String name = cause.getName().toString();
		if (!name.startsWith(CodeArtifactProperties.PREFIX + ".") || !(cause.getCause() instanceof ConversionException)) {
			return null;
		}
		ConfigurationProperty property = cause.getProperty();
		Object value = (property != null) ? property.getValue() : null;
		ConversionRule rule = ConversionRule.of(name, cause.getTarget().getType());
		return this.properties.analyze(rootFailure, new InvalidCodeArtifactPropertyException(name,
				(value != null) ? value : "", rule.rule(), "Set " + name + " to a value such as " + rule.example()
						+ ", or remove it to use the default."));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * What a value of a property's type must look like, and values that work.
	 * @param rule what the value must be
	 * @param example values that work
	 */
	record ConversionRule(String rule, String example) {

		static ConversionRule of(String name, ResolvableType type) {
			Class<?> target = type.toClass();
			if (name.equals(CodeArtifactProperties.PREFIX + ".duration")) {
				return new ConversionRule(CodeArtifactProperties.DURATION_RULE, CodeArtifactProperties.DURATION_EXAMPLE);
			}
			if (target == Duration.class) {
				return new ConversionRule("must be a duration: a whole number with a unit (ms, s, m, h or d), "
						+ "or ISO-8601 such as PT30S", "30s, 5m or 12h");
			}
			if (target == URI.class) {
				return new ConversionRule(CodeArtifactProperties.ENDPOINT_RULE, CodeArtifactProperties.ENDPOINT_EXAMPLE);
			}
			if (target.isEnum()) {
				String values = Arrays.stream(target.getEnumConstants())
					.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
					.collect(Collectors.joining(", "));
				return new ConversionRule("must be one of: " + values, values.split(", ")[0]);
			}
			if (target == boolean.class || target == Boolean.class) {
				return new ConversionRule("must be true or false", "true or false");
			}
			if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
				return new ConversionRule("must be a decimal number", "2 or 1.5");
			}
			if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
				return new ConversionRule("must be a whole number", "10");
			}
			return new ConversionRule("must be convertible to " + target.getSimpleName(), "the documented format");
		}

	}

}
