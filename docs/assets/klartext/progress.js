// Checklist ticks and onboarding progress, remembered on this device (see issue 6).
