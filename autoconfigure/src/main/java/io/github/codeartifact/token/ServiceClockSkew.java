package io.github.codeartifact.token;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Puts the service's expiration on this machine's clock, from the service's own {@code Date}
 * header: a local clock that runs ten minutes behind would otherwise hand out a token ten minutes
 * past its real expiry.
 * <p>
 * When the service answered, its clock read between the header's {@code D} and {@code D + 1 s}
 * (the header has whole seconds) and the local clock between the call's start {@code S} and end
 * {@code R}. When the two intervals overlap, the clocks agree as far as can be measured and the
 * expiration is kept as it is (what remains, under a second plus the round trip, is far inside
 * the stale margin). Otherwise the local clock is off by at most {@code D + 1 s - S}, the
 * largest skew the readings allow, and the expiration is moved by that much: never later than the
 * real one.
 */
final class ServiceClockSkew {

	private static final Duration DATE_RESOLUTION = Duration.ofSeconds(1);

	private ServiceClockSkew() {
	}

	/**
	 * Returns the expiration on the local clock.
	 * @param expiration the expiration the service returned, on its clock
	 * @param serviceDate the service's {@code Date} header, or {@code null} when it sent none
	 * @param callStart the local clock when the call started
	 * @param callEnd the local clock when the answer arrived
	 * @return the expiration to serve by
	 */
	static Instant localExpiration(Instant expiration, @Nullable Instant serviceDate, Instant callStart,
			Instant callEnd) {
		if (serviceDate == null) {
			return expiration;
		}
		Instant serviceLatest = serviceDate.plus(DATE_RESOLUTION);
		boolean agree = !serviceDate.isAfter(callEnd) && !serviceLatest.isBefore(callStart);
		if (agree) {
			return expiration;
		}
		Duration skew = Duration.between(callStart, serviceLatest);
		try {
			return expiration.minus(skew);
		}
		catch (DateTimeException | ArithmeticException ex) {
			return skew.isNegative() ? Instant.MAX : Instant.MIN;
		}
	}

	/**
	 * Parses an HTTP {@code Date} header (RFC 1123, as AWS sends it).
	 * @param header the header value, or {@code null}
	 * @return the instant, or {@code null} when absent or unreadable
	 */
	static @Nullable Instant parseDate(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(header.strip()));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
