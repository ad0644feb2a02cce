package io.github.codeartifact.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the starter.
 */
public enum CodeArtifactTokenObservation implements ObservationDocumentation {

	/**
	 * One GetAuthorizationToken call of the refresh engine, successful or not; a tracer makes it a
	 * span.
	 */
	TOKEN_REFRESH {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCodeArtifactTokenObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

	};

	/** The name of the observation, that of the refresh timer too. */
	public static final String NAME = "codeartifact.token.refresh";

	/**
	 * The low-cardinality keys of {@link #TOKEN_REFRESH}.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The domain the token is for. */
		DOMAIN {
			@Override
			public String asString() {
				return "domain";
			}
		},

		/** {@code success} or {@code failure}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** {@code none}, the AWS error code, or the simple class name of the failure. */
		ERROR {
			@Override
			public String asString() {
				return "error";
			}
		}

	}

}
