package io.github.codeartifact.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of the GetAuthorizationToken call; a bean of this type
 * replaces {@link DefaultCodeArtifactTokenObservationConvention}.
 */
public interface CodeArtifactTokenObservationConvention
		extends ObservationConvention<CodeArtifactTokenObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CodeArtifactTokenObservationContext;
	}

}
