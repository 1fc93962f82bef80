// ui/booking_flow.h: the booking form's logic, apart from drawing, so tests drive it directly.
//
// Design note: the flow's states
//
//   ChooseService --pick--> Fill --Next (ValidateBooking ok)--> Summary --Submit--> Done
//                            ^  \--Next (problems): stay, messages per field       |
//                            +------------------ Change -----------+               v
//                                                                          Confirmation screen
//
// - Values live only here (and so in the visit, which ResetSession wipes).
// - Submit calls content::SubmitBooking, which writes the booking and its outbox row in one
//   transaction; only after it returned a receipt does the flow reach Done and the screen say
//   "received". A failure keeps every value and shows booking.submit_failed.
// - Messages come in the visitor's language: the form's own error text when it exists in that
//   language, else the UI string for the problem (which always exists, with fallback marked).
//   Problems are kept as data and worded when drawn, so switching language re-words them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "content/bookings.h"
#include "content/model.h"
#include "ui/strings.h"

namespace ui {

struct BookingFlow {
    enum class Step { ChooseService, Fill, Summary, Done };
    Step step = Step::ChooseService;
    std::string form_id, service_id, session_id;
    std::map<std::string, std::string> values;       // field key -> value
    // Problems by field key, localised when drawn so a language switch re-words them.
    std::map<std::string, content::FieldError> errors;
    std::string focused;                             // key of the field the keyboard types into
    std::string notice_key;                          // form-level message key ("" = none)
    content::BookingReceipt receipt;
    std::string booked_name;                         // for the confirmation and its QR code
    std::string booked_when;                         // local start of a session, "" for a consultation
    std::string status = "received";                 // received, confirmed, rejected (from sync)
    double status_checked_at = -1e9;                 // monotonic seconds of the last status read

    bool active() const { return !form_id.empty(); }
};

// Value a consent field holds when the visitor agreed.
inline constexpr const char* kConsentYes = "yes";

// Starts a fresh flow for a form (values emptied; the language field preset to the UI language
// when the form offers it; the session field preset when booking a session).
void StartBooking(BookingFlow& flow, const content::BookingForm& form, const std::string& service_id,
                  const std::string& session_id, const std::string& ui_lang);

content::BookingRequest BuildRequest(const BookingFlow& flow, const content::BookingForm& form,
                                     const std::string& ui_lang);

UiText FieldErrorMessage(const content::FieldError& error, const content::FormField* field, const Strings& strings,
                         const std::string& lang);

// Validates with content::ValidateBooking; on success moves to Summary. Returns whether it did.
bool ValidateAndContinue(content::Db& db, BookingFlow& flow, const content::BookingForm& form,
                         const std::string& ui_lang);

// Stores the booking; on success moves to Done with the receipt and forgets the personal values
// (the outbox has them; the visit keeps only the reference and what was booked). Returns
// whether it did.
bool SubmitFlow(content::Db& db, BookingFlow& flow, const content::BookingForm& form, const std::string& ui_lang,
                int64_t now_utc);

// The text of the confirmation's QR code: reference, what, when, and the centre's phone. No
// personal data: the screen may be photographed by someone else.
std::string BookingQrText(const BookingFlow& flow, const std::string& centre_name, const std::string& centre_phone,
                          const Strings& strings, const std::string& lang);

}  // namespace ui
