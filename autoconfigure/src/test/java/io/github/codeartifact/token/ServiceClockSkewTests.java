package io.github.codeartifact.token;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of {@link ServiceClockSkew}, as a table. The local call starts at 12:00:00.000 and ends
 * 200 ms later; the service returns a token expiring one hour after its own {@code Date}.
 */
class ServiceClockSkewTests {

	private static final Instant START = Instant.parse("2025-01-01T12:00:00Z");

	private static final Instant END = START.plusMillis(200);

	@ParameterizedTest(name = "Date {0}: expiration {1} -> {2}")
	@CsvSource(nullValues = "none", value = {
			// no Date header: the expiration as the service gave it
			"none,                 2025-01-01T13:00:00Z, 2025-01-01T13:00:00Z",
			// clocks agree (the header's second covers the call): unchanged
			"2025-01-01T12:00:00Z, 2025-01-01T13:00:00Z, 2025-01-01T13:00:00Z",
			"2025-01-01T11:59:59Z, 2025-01-01T12:59:59Z, 2025-01-01T12:59:59Z",
			// the service is 10 min ahead: the token has one hour from now, not 1 h 10 min
			"2025-01-01T12:10:00Z, 2025-01-01T13:10:00Z, 2025-01-01T12:59:59Z",
			// the service is 10 min behind: the token lives one hour from now, not 50 min
			"2025-01-01T11:50:00Z, 2025-01-01T12:50:00Z, 2025-01-01T12:59:59Z",
			// two seconds ahead: the largest skew the readings allow (3 s) is taken
			"2025-01-01T12:00:02Z, 2025-01-01T13:00:02Z, 2025-01-01T12:59:59Z",
			// at the edge of time: saturated, never an overflow
			"2025-01-01T11:00:00Z, +1000000000-12-31T23:59:59.999999999Z, +1000000000-12-31T23:59:59.999999999Z" })
	void putsTheExpirationOnTheLocalClock(Instant serviceDate, Instant expiration, Instant local) {
		assertThat(ServiceClockSkew.localExpiration(expiration, serviceDate, START, END)).isEqualTo(local);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "none", value = { "'Wed, 01 Jan 2025 12:10:00 GMT', 2025-01-01T12:10:00Z",
			"'Wed, 1 Jan 2025 12:10:00 GMT', 2025-01-01T12:10:00Z", "'yesterday', none", "'', none", "none, none" })
	void parsesTheHttpDateHeader(String header, Instant parsed) {
		assertThat(ServiceClockSkew.parseDate(header)).isEqualTo(parsed);
	}

}
