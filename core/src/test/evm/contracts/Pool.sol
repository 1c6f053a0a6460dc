// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// A mixer-like pool with one fixed denomination, shaped like a Tornado Cash instance: deposits
/// carry a commitment, withdrawals a nullifier hash, with the same event signatures. The
/// zero-knowledge proof is replaced by the operator's say-so: only the deployer releases
/// withdrawals, to any address, paid by an internal call.
contract Pool {
    uint256 public immutable denomination;
    address public immutable operator;
    uint32 public nextIndex;
    mapping(bytes32 => bool) public commitments;
    mapping(bytes32 => bool) public nullifierHashes;

    event Deposit(bytes32 indexed commitment, uint32 leafIndex, uint256 timestamp);
    event Withdrawal(address to, bytes32 nullifierHash, address indexed relayer, uint256 fee);

    constructor(uint256 denomination_) {
        denomination = denomination_;
        operator = msg.sender;
    }

    function deposit(bytes32 commitment) external payable {
        require(msg.value == denomination, "denomination");
        require(!commitments[commitment], "commitment used");
        commitments[commitment] = true;
        emit Deposit(commitment, nextIndex++, block.timestamp);
    }

    function withdraw(address payable to, bytes32 nullifierHash) external {
        require(msg.sender == operator, "operator");
        require(!nullifierHashes[nullifierHash], "spent");
        nullifierHashes[nullifierHash] = true;
        emit Withdrawal(to, nullifierHash, address(0), 0);
        (bool ok, ) = to.call{value: denomination}("");
        require(ok, "payout");
    }
}
