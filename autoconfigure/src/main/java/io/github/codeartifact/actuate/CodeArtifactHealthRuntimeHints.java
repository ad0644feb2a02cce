package io.github.codeartifact.actuate;

import io.github.codeartifact.token.TokenStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * Hints for the JSON of the {@code codeartifact} health component: its {@code status} detail is a
 * {@link TokenStatus}, which Jackson serializes by reflection. Boot registers the types that the
 * endpoint's operations return ({@link CodeArtifactDescriptor}, {@link LastRefresh}), not the values
 * of health details.
 */
final class CodeArtifactHealthRuntimeHints implements RuntimeHintsRegistrar {

	static final String HEALTH_CLASS = "org.springframework.boot.health.contributor.Health";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (ClassUtils.isPresent(HEALTH_CLASS, classLoader)) {
			new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), TokenStatus.class);
		}
	}

}
