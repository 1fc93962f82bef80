// ui/booking_flow.cpp: booking form values, validation messages and submission.
#include "ui/booking_flow.h"

#include <algorithm>

#include "base/log.h"

namespace ui {
namespace {

const char* ProblemKey(content::FieldProblem problem) {
    switch (problem) {
        case content::FieldProblem::Missing: return "booking.error.missing";
        case content::FieldProblem::TooShort: return "booking.error.too_short";
        case content::FieldProblem::TooLong: return "booking.error.too_long";
        case content::FieldProblem::PatternMismatch: return "booking.error.pattern";
        case content::FieldProblem::InvalidEmail: return "booking.error.email";
        case content::FieldProblem::InvalidPhone: return "booking.error.phone";
        case content::FieldProblem::InvalidChoice: return "booking.error.choice";
        case content::FieldProblem::SessionFull: return "booking.error.session_full";
        case content::FieldProblem::Unknown: return "booking.error.unknown";
    }
    return "booking.error.unknown";
}

}  // namespace

void StartBooking(BookingFlow& flow, const content::BookingForm& form, const std::string& service_id,
                  const std::string& session_id, const std::string& ui_lang) {
    flow = BookingFlow{};
    flow.step = BookingFlow::Step::Fill;
    flow.form_id = form.id;
    flow.service_id = service_id;
    flow.session_id = session_id;
    for (const content::FormField& field : form.fields) {
        std::string value;
        if (field.type == "session") value = session_id;
        if (field.key == "language" && field.type == "choice") {
            bool offered = std::any_of(field.options.begin(), field.options.end(),
                                       [&](const content::FormOption& o) { return o.value == ui_lang; });
            if (offered) value = ui_lang;
        }
        flow.values[field.key] = value;
        bool typed = field.type == "text" || field.type == "multiline" || field.type == "phone" || field.type == "email";
        if (typed && flow.focused.empty()) flow.focused = field.key;
    }
}

content::BookingRequest BuildRequest(const BookingFlow& flow, const content::BookingForm& form,
                                     const std::string& ui_lang) {
    content::BookingRequest request;
    request.form_id = form.id;
    request.service_id = flow.service_id;
    request.session_id = flow.session_id;
    request.visitor_lang = ui_lang;
    for (const content::FormField& field : form.fields) {
        auto it = flow.values.find(field.key);
        std::string value = it == flow.values.end() ? std::string() : it->second;
        // Trailing spaces from the on-screen keyboard are not part of what the visitor meant.
        while (!value.empty() && (value.back() == ' ' || value.back() == '\n')) value.pop_back();
        size_t first = value.find_first_not_of(" \n");
        value = first == std::string::npos ? std::string() : value.substr(first);
        request.values.emplace_back(field.key, value);
    }
    return request;
}

UiText FieldErrorMessage(const content::FieldError& error, const content::FormField* field, const Strings& strings,
                         const std::string& lang) {
    if (!error.form_message.empty() && !error.form_message.fallback && error.form_message.lang == lang) {
        return UiText{error.form_message.text, error.form_message.lang, false};
    }
    if (field && field->type == "consent" && error.problem == content::FieldProblem::Missing) {
        return strings.Get("booking.error.consent", lang);
    }
    return strings.Get(ProblemKey(error.problem), lang);
}

bool ValidateAndContinue(content::Db& db, BookingFlow& flow, const content::BookingForm& form,
                         const std::string& ui_lang) {
    flow.errors.clear();
    flow.notice_key.clear();
    auto problems = content::ValidateBooking(db, BuildRequest(flow, form, ui_lang), ui_lang);
    if (!problems.ok()) {
        base::LogError("ui_booking_validate_failed", problems.error().ToString());
        flow.notice_key = "booking.submit_failed";
        return false;
    }
    for (const content::FieldError& error : *problems) {
        // Keep the first problem of a field: it is the one to fix first.
        flow.errors.emplace(error.key, error);
    }
    if (!flow.errors.empty()) {
        std::string keys;
        for (const auto& [key, error] : flow.errors) keys += (keys.empty() ? "" : ",") + key;
        base::LogInfo("ui_booking_invalid", "fields=" + keys);  // which fields, never their values
        flow.notice_key = "booking.fix_errors";
        // Put the keyboard on the first field with a problem, in form order.
        for (const content::FormField& field : form.fields) {
            if (flow.errors.count(field.key)) {
                flow.focused = field.key;
                break;
            }
        }
        return false;
    }
    flow.step = BookingFlow::Step::Summary;
    return true;
}

bool SubmitFlow(content::Db& db, BookingFlow& flow, const content::BookingForm& form, const std::string& ui_lang,
                int64_t now_utc) {
    flow.notice_key.clear();
    auto receipt = content::SubmitBooking(db, BuildRequest(flow, form, ui_lang), now_utc);
    if (!receipt.ok()) {
        base::LogError("ui_booking_submit_failed", receipt.error().ToString());
        if (receipt.error().code == "booking_invalid") {
            // Something changed since the summary (the session filled up): back to the form.
            flow.step = BookingFlow::Step::Fill;
            ValidateAndContinue(db, flow, form, ui_lang);
            flow.step = BookingFlow::Step::Fill;
            if (flow.notice_key.empty()) flow.notice_key = "booking.submit_failed";
        } else {
            flow.notice_key = "booking.submit_failed";
        }
        return false;
    }
    flow.receipt = std::move(receipt).value();
    flow.step = BookingFlow::Step::Done;
    flow.values.clear();
    flow.errors.clear();
    flow.focused.clear();
    base::LogInfo("ui_booking_received", "reference=" + flow.receipt.reference);
    return true;
}

std::string BookingQrText(const BookingFlow& flow, const std::string& centre_name, const std::string& centre_phone,
                          const Strings& strings, const std::string& lang) {
    std::string text = strings("confirmation.reference", lang) + ": " + flow.receipt.reference + "\n";
    if (!flow.booked_name.empty()) text += flow.booked_name + "\n";
    if (!flow.booked_when.empty()) text += flow.booked_when + "\n";
    text += strings("confirmation.body", lang) + "\n";
    if (!centre_name.empty()) text += centre_name + "\n";
    if (!centre_phone.empty()) text += centre_phone + "\n";
    return text;
}

}  // namespace ui
