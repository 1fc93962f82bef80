// content/bookings.h: a visitor's booking, from form values to the outbox.
//
// Design note
// - SubmitBooking validates against the form definition, then writes the booking row (no
//   personal data) and the outbox row (the personal data, JSON) in ONE transaction before it
//   returns; only then may the UI say "received". A crash before commit loses nothing the
//   visitor was told was received.
// - Seats: a course booking is refused locally when the session has no seats left by the
//   kiosk's last knowledge (FieldProblem::SessionFull); the hub decides finally.
// - When the hub acknowledges an operation, AcknowledgeOutbox deletes the outbox row (with
//   secure_delete on, its bytes are overwritten) and records the booking's final status.
#pragma once

#include <string>
#include <vector>

#include "content/db.h"
#include "content/model.h"

namespace content {

// Field-by-field validation; empty when the values are acceptable.
Result<std::vector<FieldError>> ValidateBooking(Db& db, const BookingRequest& request, const std::string& lang);

// Validates and stores. Error "booking_invalid" (with the problems listed in the message) when
// validation fails; the UI should call ValidateBooking first to show messages per field.
Result<BookingReceipt> SubmitBooking(Db& db, const BookingRequest& request, int64_t now_utc);

Result<BookingStatus> GetBookingStatus(Db& db, const std::string& booking_id);

struct OutboxItem {
    int64_t seq = 0;
    std::string op_id;
    std::string kind;
    std::string ref_id;
    std::string payload;   // JSON
    int64_t created_at = 0;
    int attempts = 0;
};

Result<std::vector<OutboxItem>> PeekOutbox(Db& db, int limit);
Result<int64_t> OutboxDepth(Db& db);
// Queues a non-booking operation (staff edit, health report).
Result<std::string> EnqueueOutbox(Db& db, const std::string& kind, const std::string& ref_id,
                                  const std::string& payload_json, int64_t now_utc);

enum class AckResult { Accepted, Duplicate, Rejected };
// Removes the operation from the outbox; for bookings sets status confirmed/rejected (+reason),
// then tries WipeFreedPersonalData once.
Status AcknowledgeOutbox(Db& db, const std::string& op_id, AckResult result, const std::string& reason);
// Copies the WAL into the database (where secure_delete has zeroed what was deleted) and
// truncates it, so deleted personal data is in no file any more. Returns false when a reader on
// another connection held the WAL (nothing is lost: call again soon; the sync thread retries
// until it returns true, see sync/client.cpp).
Result<bool> WipeFreedPersonalData(Db& db);
Status RecordOutboxFailure(Db& db, const std::string& op_id, const std::string& error, int64_t now_utc);

}  // namespace content
