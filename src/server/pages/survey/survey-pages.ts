// The respondent pages' renderers in one module, which the routes load on first use.

export { renderErrorPage } from "../error-page.tsx";
export { renderSurveyNoticePage } from "./survey-notice-page.tsx";
export { renderSurveyOtpPage } from "./survey-otp-page.tsx";
export { renderSurveyScreenPage } from "./survey-screen-page.tsx";
export { renderSurveyStartPage } from "./survey-start-page.tsx";
