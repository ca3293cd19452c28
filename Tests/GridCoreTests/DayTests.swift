import Testing
@testable import GridCore

@Suite("Day and Timestamp")
struct DayTests {
    @Test("parses the forms offices type and rejects impossible dates")
    func parsing() {
        #expect(Day("2026-11-30")?.description == "2026-11-30")
        #expect(Day("2026/2/3")?.description == "2026-02-03")
        #expect(Day(" 2024.02.29 ")?.description == "2024-02-29")
        #expect(Day("2025-02-29") == nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("26-11-30") == nil)
        #expect(Day("明天") == nil)
    }

    @Test("arithmetic and weekdays over month, year and leap boundaries")
    func arithmetic() throws {
        let d = try #require(Day("2026-12-30"))
        #expect(d.adding(days: 3).description == "2027-01-02")
        #expect(try #require(Day("2024-02-28")).adding(days: 1).description == "2024-02-29")
        #expect(try #require(Day("1970-01-01")).ordinal == 0)
        #expect(try #require(Day("1969-12-31")).ordinal == -1)
        #expect(try #require(Day("2026-11-30")).weekday == 1) // a Monday
        #expect(try #require(Day("2026-12-06")).weekday == 7)
        #expect(d.days(until: d.adding(days: -5)) == -5)
    }

    @Test("timestamps print and parse the stored ISO form, and give local days")
    func timestamps() throws {
        let t = try #require(Timestamp(iso: "2026-11-30T22:26:07.123Z"))
        #expect(t.description == "2026-11-30T22:26:07.123Z")
        #expect(t.utcDay.description == "2026-11-30")
        // 22:26 UTC is already the next day in Beijing (UTC+8).
        #expect(t.day(offsetSeconds: 8 * 3600).description == "2026-12-01")
        #expect(t.minuteText(offsetSeconds: 8 * 3600) == "2026-12-01 06:26")
        #expect(Timestamp(millis: -1).description == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(iso: "2026-11-30 22:26") == nil)
    }

    @Test("a fixed clock gives the office's local day")
    func clock() throws {
        let clock = GridClock.fixed(try #require(Timestamp(iso: "2026-11-30T17:00:00.000Z")), utcOffsetSeconds: 8 * 3600)
        #expect(clock.today.description == "2026-12-01")
    }
}
