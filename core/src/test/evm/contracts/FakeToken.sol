// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// An address-poisoning token: it looks like a real one (look-alike name and symbol) and emits
/// ERC-20 Transfer events that claim any address as the sender. No balance moves and the claimed
/// sender signed nothing; anyone can call spoof().
contract FakeToken {
    string public name;
    string public symbol;
    uint8 public decimals;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
    }

    function balanceOf(address) external pure returns (uint256) {
        return 0;
    }

    function spoof(address claimedSender, address[] calldata to, uint256 value) external {
        for (uint256 i = 0; i < to.length; i++) {
            emit Transfer(claimedSender, to[i], value);
        }
    }
}
