//! The reward: one number in [-1, 1] from what the user did and what they said, and the
//! score update it drives. Written out in the README ("Feedback") and shown by
//! `arch feedback --explain EVENT`; every constant is here.
//!
//! ```text
//! implicit  i = accept: +1 | delete: −1 | ignore: −0.25
//!               edit N chars: 1 − 1.5·min(1, N / 200)      (0 chars +1 … ≥ 200 chars −0.5)
//! explicit  e = satisfaction − frustration                  (from the text's reading)
//! reward    r = 0.6·i + 0.4·e   with both;  i or e alone otherwise
//! certainty c = 1 − (1 − 0.8)·(1 − confidence)  with both;  0.8 action alone;  confidence text alone
//! score     s ← s + 0.3·c·(r − s)                           (stays in [-1, 1])
//! ```

use serde::{Deserialize, Serialize};

use super::classifier::Reading;
use crate::cli::FeedbackAction;

/// Characters changed at which an edit counts as a rewrite (−0.5).
pub const EDIT_SCALE: f64 = 200.0;
/// Weight of the action when the user also wrote something: what people do is the
/// stronger evidence, what they say explains it.
pub const ACTION_WEIGHT: f64 = 0.6;
/// How sure an action alone is (people mis-click, ignore for unrelated reasons).
pub const ACTION_CONFIDENCE: f64 = 0.8;
/// Step size of a score update.
pub const LEARNING_RATE: f64 = 0.3;

/// The implicit signal of an action, in [-1, 1]. An edit without a size counts as a
/// middling one (half of [`EDIT_SCALE`]).
pub fn implicit(action: FeedbackAction, edit_distance: Option<u64>) -> f64 {
    match action {
        FeedbackAction::Accept => 1.0,
        FeedbackAction::Delete => -1.0,
        FeedbackAction::Ignore => -0.25,
        FeedbackAction::Edit => {
            let changed = edit_distance.map_or(EDIT_SCALE / 2.0, |n| n as f64);
            1.0 - 1.5 * (changed / EDIT_SCALE).min(1.0)
        }
    }
}

/// How a reward was computed, term by term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reward {
    /// From the action, when there was one.
    pub implicit: Option<f64>,
    /// satisfaction − frustration, when there was a text.
    pub explicit: Option<f64>,
    /// How sure the event is, in [0, 1]; scales the score step.
    pub confidence: f64,
    /// The reward in [-1, 1].
    pub value: f64,
}

/// Combines an action and a reading into the reward. `None` when there is neither.
pub fn reward(
    reading: Option<&Reading>,
    action: Option<FeedbackAction>,
    edit_distance: Option<u64>,
) -> Option<Reward> {
    let implicit = action.map(|a| implicit(a, edit_distance));
    let explicit =
        reading.map(|r| f64::from(r.signals.satisfaction) - f64::from(r.signals.frustration));
    let text_confidence = reading.map(|r| f64::from(r.signals.confidence));
    let (value, confidence) = match (implicit, explicit, text_confidence) {
        (Some(i), Some(e), Some(c)) => (
            ACTION_WEIGHT * i + (1.0 - ACTION_WEIGHT) * e,
            1.0 - (1.0 - ACTION_CONFIDENCE) * (1.0 - c),
        ),
        (Some(i), _, _) => (i, ACTION_CONFIDENCE),
        (None, Some(e), Some(c)) => (e, c),
        _ => return None,
    };
    Some(Reward {
        implicit,
        explicit,
        confidence: confidence.clamp(0.0, 1.0),
        value: value.clamp(-1.0, 1.0),
    })
}

/// A pattern's new score after a reward: a step of `LEARNING_RATE · confidence` toward the
/// reward, so satisfying patterns rise, frustrating ones sink, and unsure readings move
/// little.
pub fn update(score: f64, reward: &Reward) -> f64 {
    (score + LEARNING_RATE * reward.confidence * (reward.value - score)).clamp(-1.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use FeedbackAction::*;

    fn reading(sentiment: [f32; 3], emotions: [f32; 6]) -> Reading {
        Reading::new(sentiment, emotions)
    }

    #[test]
    fn implicit_signal_per_action() {
        let table: &[(FeedbackAction, Option<u64>, f64)] = &[
            (Accept, None, 1.0),
            (Delete, None, -1.0),
            (Ignore, None, -0.25),
            (Edit, Some(0), 1.0),
            (Edit, Some(50), 0.625),
            (Edit, None, 0.25),
            (Edit, Some(200), -0.5),
            (Edit, Some(10_000), -0.5),
        ];
        for (action, distance, expected) in table {
            let got = implicit(*action, *distance);
            assert!(
                (got - expected).abs() < 1e-9,
                "{action:?} {distance:?}: {got}"
            );
        }
    }

    /// (reading, action, edit distance, expected reward, expected certainty)
    type Row<'a> = (
        Option<&'a Reading>,
        Option<FeedbackAction>,
        Option<u64>,
        f64,
        f64,
    );

    #[test]
    fn reward_table() {
        let pleased = reading([1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.9, 0.0, 0.0]);
        let angry = reading([0.0, 0.0, 1.0], [0.9, 0.0, 0.0, 0.0, 0.0, 0.0]);
        let flat = reading([1.0, 1.0, 1.0], [0.0; 6]);
        // (reading, action, edit, reward, confidence)
        let table: Vec<Row> = vec![
            (Some(&pleased), None, None, 1.0, 1.0),
            (Some(&angry), None, None, -1.0, 1.0),
            (Some(&flat), None, None, 0.0, 0.0),
            (None, Some(Accept), None, 1.0, 0.8),
            (None, Some(Delete), None, -1.0, 0.8),
            (Some(&angry), Some(Accept), None, 0.6 - 0.4, 1.0),
            (Some(&pleased), Some(Edit), Some(200), 0.6 * -0.5 + 0.4, 1.0),
            (Some(&flat), Some(Delete), None, -0.6, 0.8),
        ];
        for (i, (r, action, edit, value, confidence)) in table.into_iter().enumerate() {
            let got = reward(r, action, edit).expect("a reward");
            assert!((got.value - value).abs() < 1e-6, "row {i}: {got:?}");
            assert!(
                (got.confidence - confidence).abs() < 1e-6,
                "row {i}: {got:?}"
            );
            assert!((-1.0..=1.0).contains(&got.value));
        }
        assert_eq!(reward(None, None, None), None);
    }

    #[test]
    fn scores_rise_sink_and_scale_with_confidence() {
        let up = Reward {
            implicit: None,
            explicit: Some(1.0),
            confidence: 1.0,
            value: 1.0,
        };
        let down = Reward {
            value: -1.0,
            ..up.clone()
        };
        let unsure = Reward {
            confidence: 0.1,
            ..up.clone()
        };
        assert!((update(0.0, &up) - 0.3).abs() < 1e-9);
        assert!((update(0.0, &down) + 0.3).abs() < 1e-9);
        assert!((update(0.0, &unsure) - 0.03).abs() < 1e-9);
        // Repeated praise converges to 1 and never passes it.
        let mut s = 0.0;
        for _ in 0..200 {
            s = update(s, &up);
        }
        assert!(s <= 1.0 && s > 0.99);
    }
}
